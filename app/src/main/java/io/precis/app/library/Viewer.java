package io.precis.app.library;

import io.precis.app.security.CurrentUser;
import io.precis.app.security.Role;

/**
 * Who is looking: documents belong to the user (or API key) that added them; {@code seesAll} (operators and
 * admins) sees and may delete everyone's.
 */
public record Viewer(String name, boolean seesAll) {

    /** The signed-in user or API key of the current request. */
    public static Viewer current() {
        return new Viewer(CurrentUser.name(), CurrentUser.hasRole(Role.OPERATOR));
    }

    /** No owner restriction: for jobs and evaluation inside the server. */
    public static Viewer system(String name) {
        return new Viewer(name, true);
    }

    boolean sees(String owner) {
        return seesAll || name.equals(owner);
    }
}
