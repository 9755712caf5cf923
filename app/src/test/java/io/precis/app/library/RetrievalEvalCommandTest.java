package io.precis.app.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;

class RetrievalEvalCommandTest {

    @Test
    void parsesItsOptionsAndRunsTheEvaluation() throws Exception {
        Path data = Files.createTempFile("eval", ".jsonl");
        RetrievalEvaluation evaluation = mock(RetrievalEvaluation.class);
        RetrievalEvalCommand command = new RetrievalEvalCommand(evaluation);
        command.run(new DefaultApplicationArguments("--data", data.toString(), "--out=target/x", "--limit", "5", "--keep"));
        verify(evaluation).run(eq(data), eq(Path.of("target/x")), eq(5), eq(true), any());
        assertThat(command.getExitCode()).isZero();
    }

    @Test
    void refusesMissingOrUnreadableData() throws Exception {
        RetrievalEvaluation evaluation = mock(RetrievalEvaluation.class);
        RetrievalEvalCommand missing = new RetrievalEvalCommand(evaluation);
        missing.run(new DefaultApplicationArguments("--out", "x"));
        assertThat(missing.getExitCode()).isEqualTo(2);
        RetrievalEvalCommand unreadable = new RetrievalEvalCommand(evaluation);
        unreadable.run(new DefaultApplicationArguments("--data", "/nonexistent/file.jsonl"));
        assertThat(unreadable.getExitCode()).isEqualTo(2);
        verify(evaluation, never()).run(any(), any(), any(), eq(false), any());
    }
}
