package io.precis.admin.runbooks;

import java.util.function.Function;

/**
 * Something an operator can do from the console's Runbooks page, behind a confirmation. Features provide them as
 * beans (the admin module declares the type, the app's features supply the work).
 *
 * @param id          stable id, for example {@code rotate-api-keys}
 * @param label       the button's label, as the runbooks name it, for example "Rotate API keys"
 * @param description one or two sentences: what it does and what the operator should expect
 * @param body        runs the action for the actor (the signed-in operator) and says what happened
 */
public record RunbookAction(String id, String label, String description, Function<String, Result> body) {

    public Result run(String actor) {
        return body.apply(actor);
    }

    /**
     * @param summary one line for a notification and the history
     * @param detail  what the operator must see once (new secrets, per-check timings); null when there is nothing
     * @param ok      false when the action ran but found a problem (a failing check)
     */
    public record Result(String summary, String detail, boolean ok) {

        public static Result done(String summary) {
            return new Result(summary, null, true);
        }
    }
}
