package io.precis.app.summarize;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.precis.inference.embed.Embedder;
import io.precis.inference.embed.MiniLmEmbedder;
import io.precis.inference.summarize.ExtractiveSummarizer;
import io.precis.inference.summarize.Summarizer;

/** The embedded backend: in-process MiniLM embeddings and the extractive summariser. */
@Configuration
class SummarizerConfig {

    @Bean
    Embedder embedder() {
        return new MiniLmEmbedder();
    }

    @Bean
    Summarizer summarizer(Embedder embedder) {
        return new ExtractiveSummarizer(embedder);
    }
}
