package io.github.metacommerce.admin.web;

import io.github.metacommerce.admin.account.AdminUser;
import io.github.metacommerce.admin.store.CurrentStoreResolver;
import io.github.metacommerce.admin.system.SandboxMode;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the sandbox banner and the signed-in user. */
@ControllerAdvice(annotations = Controller.class)
class PageModel {
    private final boolean sandbox;

    PageModel(Environment env) {
        this.sandbox = env.getProperty(SandboxMode.ACTIVE, Boolean.class, false);
    }

    @ModelAttribute("sandboxMode")
    boolean sandboxMode() {
        return sandbox;
    }

    @ModelAttribute("username")
    String username() {
        return CurrentStoreResolver.signedInUser().map(AdminUser::username).orElse(null);
    }
}
