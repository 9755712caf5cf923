package io.precis.admin.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class TrainEvalJobTest {

    @Test
    void tuningInputsAreSpreadOverAllRecordedInputs() {
        List<Integer> inputs = IntStream.range(0, 100).boxed().toList();
        assertThat(TrainEvalJob.spread(inputs, 4)).containsExactly(0, 25, 50, 75);
        assertThat(TrainEvalJob.spread(inputs, 3)).containsExactly(0, 33, 66);
        assertThat(TrainEvalJob.spread(List.of(1, 2), 5)).containsExactly(1, 2);
    }

    @Test
    void aRelativeEvalDataFolderAboveTheWorkingDirectoryBinds() {
        var source = new MapConfigurationPropertySource(java.util.Map.of("precis.training.eval-data", "../shared/data/eval",
                "precis.training.out", ".precis/train-eval"));
        TrainingProperties props = new Binder(source).bind("precis.training", TrainingProperties.class).get();
        assertThat(props.evalDataPath()).isEqualTo(java.nio.file.Path.of("../shared/data/eval"));
        assertThat(props.outPath()).isEqualTo(java.nio.file.Path.of(".precis/train-eval"));
        assertThat(props.examplesPerSet()).isEqualTo(20);
    }
}
