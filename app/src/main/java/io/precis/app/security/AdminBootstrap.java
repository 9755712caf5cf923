package io.precis.app.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On first start (no users) creates the admin, and seeds the bootstrap API key when one is configured. */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserService users;
    private final ApiKeyService apiKeys;
    private final SecurityProperties props;

    AdminBootstrap(UserService users, ApiKeyService apiKeys, SecurityProperties props) {
        this.users = users;
        this.apiKeys = apiKeys;
        this.props = props;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (hasText(props.bootstrapApiKey())) apiKeys.seed("bootstrap", props.bootstrapApiKey(), Role.ADMIN);
        if (!users.none()) return;
        String username = hasText(props.adminUser()) ? props.adminUser() : "admin";
        if (hasText(props.adminPassword())) {
            users.create(username, props.adminPassword(), Role.ADMIN);
            log.info("Created admin user '{}' from PRECIS_ADMIN_USER/PRECIS_ADMIN_PASSWORD", username);
            return;
        }
        String password = generatePassword();
        users.create(username, password, Role.ADMIN);
        if (hasText(props.adminPasswordFile())) {
            Path file = Path.of(props.adminPasswordFile()).toAbsolutePath();
            Files.createDirectories(file.getParent());
            Files.writeString(file, password + System.lineSeparator());
            restrictToOwner(file);
            log.info("Created admin user '{}'; its password is in {}", username, file);
        } else {
            log.warn("Created admin user '{}' with generated password {} (set PRECIS_ADMIN_PASSWORD to choose one)", username, password);
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            log.debug("could not restrict permissions of {}", file, e);
        }
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
