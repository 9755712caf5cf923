package io.precis.app.research;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.theme.lumo.LumoUtility;

import org.springframework.web.ErrorResponseException;

import io.precis.app.library.Viewer;
import io.precis.app.ui.BrowserTime;
import io.precis.app.ui.MainLayout;
import io.precis.inference.research.Report;
import io.precis.inference.research.ReportExport;

/**
 * Deep research: the question and options, the user's jobs, and the job being watched: status and progress, the plan
 * as a tree, sources as they arrive and the log (pushed every second while it runs), then the report, whose citations
 * open the passage they cite, with Markdown and HTML downloads. {@code /research/{id}} watches one job.
 */
@Route(value = "research", layout = MainLayout.class)
@PageTitle("Research · Precis")
@RolesAllowed("ANALYST")
public class ResearchView extends VerticalLayout implements HasUrlParameter<String> {
    private static final ScheduledExecutorService TICKS = Executors.newSingleThreadScheduledExecutor(ResearchRunner.daemon("research-view"));

    private final transient ResearchService research;
    private final Viewer viewer;
    private final TextArea question = new TextArea("Question");
    private final IntegerField depth = new IntegerField("Depth (rounds)");
    private final IntegerField breadth = new IntegerField("Breadth (queries per round)");
    private final ComboBox<String> provider = new ComboBox<>("Search");
    private final TextField collection = new TextField("Library collection");
    private final TextArea pinned = new TextArea("Pinned URLs (read first, one per line)");
    private final TextField include = new TextField("Only these domains");
    private final TextField exclude = new TextField("Never these domains");
    private final DatePicker since = new DatePicker("Published since");
    private final Grid<ResearchJob> jobs = new Grid<>(ResearchJob.class, false);
    private final Div watched = new Div();
    private UUID watching;
    private String lastState = "";
    private transient ScheduledFuture<?> tick;

    ResearchView(ResearchService research, SearchProviders providers) {
        this.research = research;
        this.viewer = Viewer.current();
        addClassName("research-view");
        setWidthFull();
        setMaxWidth("100rem");
        addClassName(LumoUtility.Margin.Horizontal.AUTO);
        provider.setItems(providers.names());
        provider.setValue(providers.defaultName());
        add(form(), jobsSection(), watched);
        watched.setId("research-job");
        watched.setWidthFull();
        refreshJobs();
    }

    private Component form() {
        question.setId("research-question");
        question.setWidthFull();
        question.setMaxLength(ResearchService.MAX_QUESTION_CHARS);
        question.setPlaceholder("What do you want to find out?");
        depth.setId("research-depth");
        depth.setMin(1);
        depth.setMax(4);
        depth.setValue(2);
        depth.setStepButtonsVisible(true);
        breadth.setId("research-breadth");
        breadth.setMin(1);
        breadth.setMax(6);
        breadth.setValue(3);
        breadth.setStepButtonsVisible(true);
        provider.setId("research-provider");
        collection.setId("research-collection");
        pinned.setId("research-pinned");
        pinned.setWidthFull();
        include.setPlaceholder("example.org, news.example.com");
        exclude.setPlaceholder("example.net");
        Button start = new Button("Start research", VaadinIcon.SEARCH.create(), e -> start());
        start.setId("research-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Details options = new Details("Sources", new VerticalLayout(pinned, new HorizontalLayout(include, exclude, since)));
        HorizontalLayout row = new HorizontalLayout(depth, breadth, provider, collection, start);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        VerticalLayout form = new VerticalLayout(question, row, options);
        form.setPadding(false);
        return form;
    }

    private Component jobsSection() {
        jobs.setId("research-jobs");
        jobs.addColumn(ResearchJob::question).setHeader("Your research").setFlexGrow(4);
        jobs.addColumn(ResearchJob::status).setHeader("Status").setClassNameGenerator(j -> "research-status");
        jobs.addColumn(j -> j.progress() + "%").setHeader("Progress");
        jobs.addColumn(j -> BrowserTime.format(j.createdAt())).setHeader("Started");
        jobs.setAllRowsVisible(true);
        jobs.addItemClickListener(e -> watch(e.getItem().id()));
        return jobs;
    }

    private void start() {
        try {
            SourceOptions sources = new SourceOptions(lines(pinned.getValue()), list(include.getValue()), list(exclude.getValue()), since.getValue());
            ResearchJob job = research.submit(viewer, new ResearchRequest(question.getValue(), depth.getValue(), breadth.getValue(),
                    collection.getValue(), sources, provider.getValue()));
            refreshJobs();
            watch(job.id());
            getUI().ifPresent(ui -> ui.navigate(ResearchView.class, job.id().toString()));
        } catch (ErrorResponseException e) {
            Notification n = Notification.show(e.getBody().getDetail(), 6000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String id) {
        if (id == null) return;
        try {
            watch(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            watched.removeAll();
        }
    }

    private void watch(UUID id) {
        watching = id;
        lastState = "";
        render();
    }

    private void refreshJobs() {
        jobs.setItems(research.list(viewer, 50));
    }

    /** Redraws the watched job when it changed; true while it still runs. */
    private boolean render() {
        if (watching == null) return false;
        ResearchService.Details d;
        try {
            d = research.details(watching, viewer);
        } catch (ErrorResponseException e) {
            watched.removeAll();
            watched.add(new Paragraph("No such research job."));
            watching = null;
            return false;
        }
        ResearchJob job = d.job();
        String state = job.status() + job.progress() + "/" + d.sources().size() + "/" + d.log().size() + "/" + d.plan().size();
        if (state.equals(lastState)) return !job.finished();
        boolean statusChanged = !lastState.startsWith(job.status());
        lastState = state;
        watched.removeAll();
        H2 title = new H2(job.question());
        Span status = new Span(job.status() + (job.reason() != null ? ": " + job.reason() : ""));
        status.setId("research-status");
        ProgressBar bar = new ProgressBar(0, 100, job.progress());
        Button cancel = new Button("Cancel", VaadinIcon.CLOSE.create(), e -> {
            research.cancel(job.id(), viewer);
            render();
        });
        cancel.setId("research-cancel");
        cancel.setVisible(!job.finished());
        watched.add(title, new HorizontalLayout(status, cancel), bar, planTree(d), sources(d), log(d));
        if (job.report() != null) watched.add(report(job));
        if (statusChanged) refreshJobs();
        return !job.finished();
    }

    private Component planTree(ResearchService.Details d) {
        TreeGrid<String> tree = new TreeGrid<>();
        tree.setId("research-plan");
        tree.addHierarchyColumn(s -> s).setHeader("Plan");
        tree.setAllRowsVisible(true);
        for (Map<String, Object> round : d.plan()) {
            String root = "Round " + round.get("round");
            tree.getTreeData().addItem(null, root);
            @SuppressWarnings("unchecked")
            List<String> subQuestions = (List<String>) round.get("subQuestions");
            for (String q : subQuestions) {
                if (!tree.getTreeData().contains(q)) tree.getTreeData().addItem(root, q);
            }
        }
        tree.getDataProvider().refreshAll();
        tree.expand(tree.getTreeData().getRootItems());
        return tree;
    }

    private Component sources(ResearchService.Details d) {
        Div list = new Div();
        list.setId("research-sources");
        list.add(new H3("Sources (" + d.sources().size() + ")"));
        for (ResearchSource s : d.sources()) {
            Div row = new Div(new Span(s.status() + " · "), s.url() != null ? new Anchor(s.url(), s.title() == null ? s.url() : s.title())
                    : new Span(s.title()));
            if (s.reason() != null) row.add(new Span(" — " + s.reason()));
            row.addClassName("research-source");
            list.add(row);
        }
        return list;
    }

    private Component log(ResearchService.Details d) {
        Div log = new Div();
        log.setId("research-log");
        log.getStyle().set("max-height", "12rem").set("overflow", "auto").set("font-size", "var(--lumo-font-size-s)");
        d.log().forEach(line -> log.add(new Div(BrowserTime.format(line.at()) + "  " + line.message())));
        Details details = new Details("Log (" + d.log().size() + ")", log);
        return details;
    }

    private Component report(ResearchJob job) {
        Report report = job.report();
        Div div = new Div();
        div.setId("research-report");
        div.add(new H2(report.title()));
        div.add(new Paragraph(report.citedSentences() + " cited sentences, " + report.unsupported() + " not supported by their passage."));
        div.add(new H3("Summary"), paragraph(report, report.summary()));
        for (Report.Section section : report.sections()) {
            div.add(new H3(section.question()));
            div.add(section.sentences().isEmpty() ? new Paragraph("No source answered this question.") : paragraph(report, section.sentences()));
        }
        OrderedList bibliography = new OrderedList();
        bibliography.setId("research-bibliography");
        for (Report.Entry e : report.bibliography()) {
            ListItem item = new ListItem(e.url() != null ? new Anchor(e.url(), e.title()) : new Span(e.title() + " (Library)"));
            item.getElement().setAttribute("value", String.valueOf(e.n()));
            bibliography.add(item);
        }
        div.add(new H3("Sources"), bibliography);
        String base = "research-" + job.id().toString().substring(0, 8);
        Anchor md = new Anchor(new StreamResource(base + ".md", () -> new ByteArrayInputStream(
                ReportExport.markdown(report).getBytes(StandardCharsets.UTF_8))), "Markdown");
        Anchor html = new Anchor(new StreamResource(base + ".html", () -> new ByteArrayInputStream(
                ReportExport.html(report).getBytes(StandardCharsets.UTF_8))), "HTML");
        md.getElement().setAttribute("download", true);
        html.getElement().setAttribute("download", true);
        md.setId("research-export-md");
        div.add(new HorizontalLayout(new Span("Download:"), md, html), feedback(job));
        return div;
    }

    private Component feedback(ResearchJob job) {
        TextField comment = new TextField();
        comment.setPlaceholder("What was good or missing? (optional)");
        comment.setId("research-feedback-comment");
        comment.setWidth("30rem");
        Span given = new Span(research.feedback(job.id()).size() + " judgements so far");
        given.setId("research-feedback-count");
        Button up = new Button(VaadinIcon.THUMBS_UP.create(), e -> judge(job, "up", comment, given));
        up.setId("research-thumb-up");
        up.setAriaLabel("Good report");
        Button down = new Button(VaadinIcon.THUMBS_DOWN.create(), e -> judge(job, "down", comment, given));
        down.setId("research-thumb-down");
        down.setAriaLabel("Poor report");
        HorizontalLayout row = new HorizontalLayout(new Span("Was this report useful?"), up, down, comment, given);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        return row;
    }

    private void judge(ResearchJob job, String thumb, TextField comment, Span given) {
        try {
            research.feedback(job.id(), viewer, null, thumb, comment.getValue());
            comment.clear();
            given.setText(research.feedback(job.id()).size() + " judgements so far");
            Notification.show("Thank you: your judgement was recorded.", 3000, Notification.Position.BOTTOM_START);
        } catch (ErrorResponseException e) {
            Notification.show(e.getBody().getDetail(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private Component paragraph(Report report, List<Report.Sentence> sentences) {
        Paragraph p = new Paragraph();
        for (Report.Sentence s : sentences) {
            Span text = new Span(s.text() + " ");
            if (!s.supported()) text.getStyle().set("background", "var(--lumo-error-color-10pct)");
            p.add(text);
            if (s.citation() > 0) {
                Button cite = new Button("[" + s.citation() + "]", e -> showPassage(report, s));
                cite.addClassName("research-cite");
                cite.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                p.add(cite);
                if (!s.supported()) p.add(new Span(" " + ReportExport.UNSUPPORTED_MARK));
                p.add(new Span(" "));
            }
        }
        return p;
    }

    private void showPassage(Report report, Report.Sentence s) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("[" + s.citation() + "] " + report.bibliography().stream().filter(e -> e.n() == s.citation())
                .map(Report.Entry::title).findFirst().orElse(""));
        Paragraph passage = new Paragraph(s.passage());
        passage.setId("research-passage");
        dialog.add(passage, new Paragraph("Support score " + s.support() + (s.supported() ? " (supported)" : " (not supported)")));
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        tick = TICKS.scheduleWithFixedDelay(() -> ui.access(this::render), 1, 1, TimeUnit.SECONDS);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (tick != null) tick.cancel(false);
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> list(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

}
