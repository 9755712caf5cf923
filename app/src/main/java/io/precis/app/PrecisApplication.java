package io.precis.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.spring.annotation.EnableVaadin;
import com.vaadin.flow.theme.Theme;
import com.vaadin.flow.theme.lumo.Lumo;

@SpringBootApplication(scanBasePackages = "io.precis")
@EntityScan("io.precis")
@EnableJpaRepositories("io.precis")
@ConfigurationPropertiesScan("io.precis")
@EnableVaadin("io.precis") // routes of the admin module too, not only this package's
@Theme(themeClass = Lumo.class)
@Push
public class PrecisApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        var context = SpringApplication.run(PrecisApplication.class, args);
        if (context.getEnvironment().containsProperty("precis.cli.command")) {
            System.exit(SpringApplication.exit(context));
        }
    }
}
