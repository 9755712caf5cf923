package io.precis.app.summarize;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxChars     the most characters one request may carry, over all its documents
 * @param maxDocuments the most documents one request may carry
 */
@ConfigurationProperties("precis.summarize")
record SummarizeProperties(int maxChars, int maxDocuments) {
}
