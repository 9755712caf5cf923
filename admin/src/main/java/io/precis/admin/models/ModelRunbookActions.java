package io.precis.admin.models;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.precis.admin.runbooks.RunbookAction;

/** The model-drift and rollback runbooks' console action: undo the last promotion of the serving summariser. */
@Configuration
class ModelRunbookActions {

    @Bean
    RunbookAction rollbackServingModel(ModelRegistry registry) {
        return new RunbookAction("rollback-model", "Roll back serving model",
                "Ends the summariser's canary if there is one (production serves everything again); otherwise brings back "
                        + "the production version that the current one replaced. Recorded in the promotion history.",
                actor -> {
                    ModelVersion serving = registry.rollback(ModelVersion.SUMMARIZER_POLICY, "runbook: roll back the serving model", actor);
                    if (!"production".equals(serving.stage())) {
                        return RunbookAction.Result.done("Rolled back: the canary " + serving.label()
                                + " ended; with no production version, the built-in default policy serves the summariser.");
                    }
                    return RunbookAction.Result.done("Rolled back: " + serving.label() + " (production) now serves the summariser.");
                });
    }
}
