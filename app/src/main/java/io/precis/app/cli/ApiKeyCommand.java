package io.precis.app.cli;

import java.util.Arrays;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

import io.precis.app.security.ApiKeyService;
import io.precis.app.security.Role;

/**
 * {@code ./precis api-key create --name NAME --role ROLE}: the app started without a web server runs this once,
 * prints the new key and exits.
 */
@Component
@ConditionalOnProperty(name = "precis.cli.command", havingValue = "api-key-create")
class ApiKeyCommand implements ApplicationRunner, ExitCodeGenerator {
    private final ApiKeyService keys;
    private int exitCode;

    ApiKeyCommand(ApiKeyService keys) {
        this.keys = keys;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> raw = Arrays.asList(args.getSourceArgs());
        String name = CliOptions.option(raw, "--name");
        String role = CliOptions.option(raw, "--role");
        if (name == null || role == null) {
            System.err.println("usage: ./precis api-key create --name NAME --role ANALYST|OPERATOR|ADMIN");
            exitCode = 2;
            return;
        }
        try {
            var created = keys.create(name, Role.parse(role), "cli");
            System.out.println(created.secret());
            System.err.println("API key '" + created.info().name() + "' (" + created.info().role()
                    + ") created; it is shown only this once.");
        } catch (IllegalArgumentException e) {
            System.err.println("precis: " + e.getMessage());
            exitCode = 2;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
