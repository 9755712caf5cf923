package io.precis.inference.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmConfigTest {

    @Test
    void addsV1ToABareHostOnly() {
        assertThat(LlmConfig.of("http://vllm:8000", "m").apiBaseUrl()).isEqualTo("http://vllm:8000/v1");
        assertThat(LlmConfig.of("http://vllm:8000/", "m").apiBaseUrl()).isEqualTo("http://vllm:8000/v1");
        assertThat(LlmConfig.of("http://localhost:11434/v1", "m").apiBaseUrl()).isEqualTo("http://localhost:11434/v1");
        assertThat(LlmConfig.of("https://gw.example/openai/v1/", "m").apiBaseUrl())
                .isEqualTo("https://gw.example/openai/v1");
    }

    @Test
    void readsTheEnvironment() {
        LlmConfig config = LlmConfig.fromEnvironment(Map.of("VLLM_URL", "http://vllm:8000", "MODEL_ID",
                "mistralai/Mistral-7B-Instruct-v0.3", "VLLM_API_KEY", "k", "LLM_CONTEXT_TOKENS", "32768",
                "LLM_TIMEOUT_SECONDS", "90", "LLM_MAX_RETRIES", "4"));
        assertThat(config.baseUrl()).isEqualTo("http://vllm:8000");
        assertThat(config.modelId()).isEqualTo("mistralai/Mistral-7B-Instruct-v0.3");
        assertThat(config.apiKey()).isEqualTo("k");
        assertThat(config.contextTokens()).isEqualTo(32768);
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.maxRetries()).isEqualTo(4);

        LlmConfig defaults = LlmConfig.fromEnvironment(Map.of("VLLM_URL", "http://vllm:8000", "MODEL_ID", "m"));
        assertThat(defaults.apiKey()).isNull();
        assertThat(defaults.contextTokens()).isEqualTo(LlmConfig.DEFAULT_CONTEXT_TOKENS);
    }

    @Test
    void namesWhatIsMissingOrInvalid() {
        assertThatIllegalArgumentException().isThrownBy(() -> LlmConfig.fromEnvironment(Map.of("MODEL_ID", "m")))
                .withMessage("VLLM_URL is not set");
        assertThatIllegalArgumentException().isThrownBy(() -> LlmConfig.fromEnvironment(
                        Map.of("VLLM_URL", "http://x", "MODEL_ID", "m", "LLM_CONTEXT_TOKENS", "lots")))
                .withMessageContaining("LLM_CONTEXT_TOKENS must be a whole number");
        assertThatIllegalArgumentException().isThrownBy(() -> LlmConfig.of("vllm:8000", "m"))
                .withMessageContaining("http(s) URL");
        assertThatIllegalArgumentException().isThrownBy(() -> LlmConfig.of("http://x", " "));
        assertThatIllegalArgumentException().isThrownBy(() -> LlmConfig.of("http://x", "m").withContextTokens(512));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LlmConfig.of("http://x", "m").withTimeout(Duration.ZERO));
    }

    @Test
    void blankApiKeyMeansNoneAndTheKeyIsNeverPrinted() {
        assertThat(LlmConfig.of("http://x", "m").withApiKey("  ").apiKey()).isNull();
        assertThat(LlmConfig.of("http://x", "m").withApiKey("sk-secret").toString())
                .doesNotContain("sk-secret").contains("apiKey=***");
    }
}
