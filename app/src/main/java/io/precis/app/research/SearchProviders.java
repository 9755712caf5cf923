package io.precis.app.research;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.precis.app.library.LibraryRetriever;
import io.precis.app.library.LibraryService;

/**
 * The search providers configured: the Library always; SearxNG when its URL is set; Brave Search when its key is set.
 * The default is the first web provider (SearxNG before Brave), else the Library.
 */
@Component
class SearchProviders {
    private final Map<String, SearchProvider> byName = new LinkedHashMap<>();
    private final SearchProvider fallback;

    SearchProviders(ResearchProperties props, ObjectMapper json, LibraryRetriever retriever, LibraryService library) {
        if (props.searxngUrl() != null) add(new SearxngSearch(props.searxngUrl(), props.providerTimeout(), json));
        if (props.braveApiKey() != null) add(new BraveSearch(props.braveUrl(), props.braveApiKey(), props.providerTimeout(), json));
        fallback = new LibrarySearch(retriever, library);
        add(fallback);
    }

    private void add(SearchProvider provider) {
        byName.put(provider.name(), provider);
    }

    String defaultName() {
        return byName.keySet().iterator().next();
    }

    Set<String> names() {
        return byName.keySet();
    }

    Optional<SearchProvider> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The job's provider; the default when it names none or one no longer configured. */
    SearchProvider forJob(String name) {
        return name == null ? byName.get(defaultName()) : byName.getOrDefault(name, byName.get(defaultName()));
    }
}
