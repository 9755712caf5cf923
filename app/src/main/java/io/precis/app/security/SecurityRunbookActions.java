package io.precis.app.security;

import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.vaadin.flow.server.VaadinSession;

import io.precis.admin.runbooks.RunbookAction;
import io.precis.admin.runbooks.RunbookAction.Result;

/** The security-incident runbook's console actions: rotate the API keys, revoke the console sessions. */
@Configuration
class SecurityRunbookActions {

    @Bean
    RunbookAction rotateApiKeys(ApiKeyService keys) {
        return new RunbookAction("rotate-api-keys", "Rotate API keys",
                "Revokes every active API key and creates a new one with the same name and role; the new secrets are "
                        + "shown once, to hand to their owners. The bootstrap key from the environment is rotated where it is kept.",
                actor -> {
                    var created = keys.rotateAll(actor);
                    if (created.isEmpty()) return Result.done("No API keys to rotate.");
                    String secrets = created.stream()
                            .map(k -> k.info().name() + " (" + k.info().role() + "): " + k.secret())
                            .collect(Collectors.joining("\n"));
                    return new Result(created.size() + (created.size() == 1 ? " API key" : " API keys")
                            + " rotated; the old ones no longer work.",
                            "Copy the new keys now; they are not shown again.\n\n" + secrets, true);
                });
    }

    @Bean
    RunbookAction revokeSessions(ConsoleSessions sessions) {
        return new RunbookAction("revoke-sessions", "Revoke all sessions",
                "Signs out everyone signed in to the console (your own session stays, so you can carry on); "
                        + "API keys are not affected.",
                actor -> {
                    VaadinSession current = VaadinSession.getCurrent();
                    String keep = current == null || current.getSession() == null ? null : current.getSession().getId();
                    int ended = sessions.invalidateAllExcept(keep);
                    return Result.done(ended + (ended == 1 ? " session" : " sessions") + " revoked"
                            + (keep == null ? "." : "; yours stays open."));
                });
    }
}
