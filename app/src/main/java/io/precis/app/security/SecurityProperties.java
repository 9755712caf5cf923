package io.precis.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param adminUser         first admin's user name when the database has no users (default "admin")
 * @param adminPassword     first admin's password; when blank one is generated
 * @param adminPasswordFile where a generated password is written once (local runs)
 * @param bootstrapApiKey   an admin API key seeded at start-up for automation
 */
@ConfigurationProperties("precis.security")
record SecurityProperties(String adminUser, String adminPassword, String adminPasswordFile, String bootstrapApiKey) {
}
