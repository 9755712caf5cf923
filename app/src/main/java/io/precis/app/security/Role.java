package io.precis.app.security;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Roles in rising order of power; a role implies every role below it. */
public enum Role {
    ANALYST, OPERATOR, ADMIN;

    public List<GrantedAuthority> authorities() {
        return Arrays.stream(values())
                .filter(r -> r.ordinal() <= ordinal())
                .<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
                .toList();
    }

    /** Parses a role name case-insensitively, with a message that lists the valid ones. */
    public static Role parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown role '" + name + "'; use one of " + Arrays.toString(values()));
        }
    }
}
