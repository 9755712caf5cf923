package io.precis.app.security;

import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and looks up the people who sign in to the UI. */
@Service
public class UserService {
    private final UserAccountRepository users;
    private final PasswordEncoder encoder;

    UserService(UserAccountRepository users, PasswordEncoder encoder) {
        this.users = users;
        this.encoder = encoder;
    }

    @Transactional
    public void create(String username, String password, Role role) {
        if (username == null || username.isBlank()) throw new IllegalArgumentException("user name is empty");
        if (password == null || password.length() < 8) throw new IllegalArgumentException("password must have at least 8 characters");
        if (users.findByUsername(username).isPresent()) throw new IllegalArgumentException("user '" + username + "' exists");
        users.save(new UserAccount(username, encoder.encode(password), role));
    }

    public Optional<Role> roleOf(String username) {
        return users.findByUsername(username).map(UserAccount::role);
    }

    boolean none() {
        return users.count() == 0;
    }
}
