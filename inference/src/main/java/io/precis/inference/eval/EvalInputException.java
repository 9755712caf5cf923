package io.precis.inference.eval;

/** A problem with an evaluation input file; the message names the file and, where there is one, the line. */
public final class EvalInputException extends RuntimeException {

    public EvalInputException(String message) {
        super(message);
    }

    static EvalInputException at(String file, int line, String message) {
        return new EvalInputException(file + ":" + line + ": " + message);
    }
}
