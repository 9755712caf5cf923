package io.precis.app.ui;

import jakarta.annotation.security.PermitAll;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.avatar.AvatarVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The shell around every signed-in view: a drawer with the navigation, the signed-in user and a sign-out
 * button, and a navbar with the current view's title.
 *
 * <p>Navigation items point at route paths rather than view classes, so that the feature packages depend on
 * this layout and not the other way round. {@code @Layout} makes it the layout of routes that name none, which is
 * how the admin module's views (which cannot see this class) get it.
 */
@PermitAll
@Layout
public class MainLayout extends AppLayout implements AfterNavigationObserver {
    private static final String TITLE_SUFFIX = " · Precis";

    private final transient AuthenticationContext auth;
    private final H1 viewTitle = new H1();

    public MainLayout(AuthenticationContext auth) {
        this.auth = auth;
        setPrimarySection(Section.DRAWER);
        addToNavbar(true, navbar());
        addToDrawer(brand(), new Scroller(navigation()), userFooter());
    }

    private Component navbar() {
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel("Menu");
        viewTitle.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);
        viewTitle.setId("view-title");
        HorizontalLayout bar = new HorizontalLayout(toggle, viewTitle);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.setSpacing(false);
        bar.addClassNames(LumoUtility.Gap.SMALL);
        return bar;
    }

    private static Component brand() {
        Span name = new Span("Precis");
        name.addClassNames(LumoUtility.FontSize.XLARGE, LumoUtility.FontWeight.SEMIBOLD);
        Span tagline = new Span("Summaries with citations");
        tagline.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
        Header header = new Header(name, tagline);
        header.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN,
                LumoUtility.Padding.MEDIUM);
        return header;
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setLabel(null);
        nav.getElement().setAttribute("aria-label", "Main");
        nav.addItem(new SideNavItem("Summarise", "", VaadinIcon.FILE_TEXT_O.create()));
        SideNavItem history = new SideNavItem("History", "history", VaadinIcon.CLOCK.create());
        history.setMatchNested(true);
        nav.addItem(history);
        nav.addItem(new SideNavItem("Library", "library", VaadinIcon.BOOK.create()));
        SideNavItem research = new SideNavItem("Research", "research", VaadinIcon.SEARCH.create());
        research.setMatchNested(true);
        nav.addItem(research);
        if (auth.hasRole("OPERATOR")) {
            nav.addItem(new SideNavItem("Review", "admin/review", VaadinIcon.CHECK_SQUARE_O.create()));
            nav.addItem(new SideNavItem("Models", "admin/models", VaadinIcon.CLUSTER.create()));
            nav.addItem(new SideNavItem("Evaluation", "admin/evaluation", VaadinIcon.CHART.create()));
            nav.addItem(new SideNavItem("Audit log", "admin/audit", VaadinIcon.LIST.create()));
            nav.addItem(new SideNavItem("Runbooks", "admin/runbooks", VaadinIcon.CLIPBOARD_CHECK.create()));
        }
        if (auth.hasRole("ADMIN")) {
            SideNavItem keys = new SideNavItem("API keys", "admin/api-keys", VaadinIcon.KEY.create());
            keys.setMatchNested(true);
            nav.addItem(keys);
        }
        nav.addClassName(LumoUtility.Padding.Horizontal.SMALL);
        return nav;
    }

    private Component userFooter() {
        String user = auth.getPrincipalName().orElse("");
        Avatar avatar = new Avatar(user);
        avatar.addThemeVariants(AvatarVariant.LUMO_SMALL);
        avatar.getElement().setAttribute("aria-hidden", "true");
        Span name = new Span(user);
        name.setId("current-user");
        name.addClassNames(LumoUtility.FontWeight.MEDIUM, LumoUtility.TextOverflow.ELLIPSIS, LumoUtility.Overflow.HIDDEN,
                LumoUtility.Flex.GROW);

        Button signOut = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), e -> auth.logout());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);

        HorizontalLayout row = new HorizontalLayout(avatar, name, signOut);
        row.setWidthFull();
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        Footer footer = new Footer(row);
        footer.addClassNames(LumoUtility.Margin.Top.AUTO, LumoUtility.Padding.MEDIUM, LumoUtility.Border.TOP,
                LumoUtility.BorderColor.CONTRAST_10);
        return footer;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        viewTitle.setText(currentTitle());
    }

    private String currentTitle() {
        Component content = getContent();
        String title = "";
        if (content instanceof com.vaadin.flow.router.HasDynamicTitle dynamic) {
            title = dynamic.getPageTitle();
        } else if (content != null) {
            PageTitle annotation = content.getClass().getAnnotation(PageTitle.class);
            if (annotation != null) title = annotation.value();
        }
        if (title == null) return "";
        return title.endsWith(TITLE_SUFFIX) ? title.substring(0, title.length() - TITLE_SUFFIX.length()) : title;
    }
}
