package io.precis.app.ui;

import org.springframework.stereotype.Component;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

import io.precis.admin.audit.AuditView;
import io.precis.admin.evaluation.EvaluationView;
import io.precis.admin.feedback.ReviewView;
import io.precis.admin.models.ModelsView;

/** Mounts the admin module's views inside this app's layout (admin cannot name the layout: it may not use app). */
@Component
class AdminRoutes implements VaadinServiceInitListener {
    @Override
    public void serviceInit(ServiceInitEvent event) {
        RouteConfiguration routes = RouteConfiguration.forApplicationScope();
        routes.setRoute("admin/review", ReviewView.class, MainLayout.class);
        routes.setRoute("admin/models", ModelsView.class, MainLayout.class);
        routes.setRoute("admin/evaluation", EvaluationView.class, MainLayout.class);
        routes.setRoute("admin/audit", AuditView.class, MainLayout.class);
    }
}
