package io.github.metacommerce.admin.store;

import io.github.metacommerce.admin.account.AdminUser;
import io.github.metacommerce.admin.system.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves the {@link CurrentStore} of a request: the {@code X-Store-Id} header, else the store chosen in the
 * session, else the user's only store; in every case after checking that the signed-in user is a member. A store
 * the user does not belong to and a store that does not exist get the same 403, so ids cannot be probed.
 */
@Component
public class CurrentStoreResolver implements HandlerMethodArgumentResolver {
    /** The request header that names the store. */
    public static final String HEADER = "X-Store-Id";
    /** The session attribute holding the chosen store id. */
    public static final String SESSION_KEY = "admin.currentStoreId";

    private final Stores stores;

    CurrentStoreResolver(Stores stores) {
        this.stores = stores;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CurrentStore.class;
    }

    @Override
    public CurrentStore resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        return resolve(webRequest.getNativeRequest(HttpServletRequest.class));
    }

    /**
     * Resolves the current store of a request.
     *
     * @param request the request
     * @return the store
     * @throws ApiException 401 when nobody is signed in, 400 for a malformed header or when the user has several
     *     stores and chose none, 403 for a store the user is not a member of
     */
    public CurrentStore resolve(HttpServletRequest request) {
        AdminUser user = signedInUser().orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED,
                "authentication_error", "not_signed_in", Optional.empty(), "Sign in first."));
        String header = request.getHeader(HEADER);
        if (header != null) {
            long id = parseId(header);
            return check(id, user).orElseThrow(() -> ApiException.forbidden("You are not a member of store " + id + "."));
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_KEY) instanceof Long chosen) {
            Optional<CurrentStore> store = check(chosen, user);
            if (store.isPresent()) {
                return store.get();
            }
            session.removeAttribute(SESSION_KEY);
        }
        List<Stores.Membership> mine = stores.of(user.id());
        if (mine.size() == 1) {
            Stores.Membership only = mine.get(0);
            return new CurrentStore(only.id(), only.name(), only.role(), user.id());
        }
        if (mine.isEmpty()) {
            throw ApiException.forbidden("You are not a member of any store yet; ask an administrator to add you.");
        }
        throw new ApiException(HttpStatus.BAD_REQUEST, "unknown_error", "store_required", Optional.of(HEADER),
                "You belong to several stores: choose one (header " + HEADER + " or the store switcher).");
    }

    /**
     * Resolves the current store for a page: as {@link #resolve(HttpServletRequest)}, but a user of several stores
     * who chose none yet gets the first (by name), remembered in the session, and can switch from the header; the
     * store a page resolves is remembered in the session, so a user added to a second store stays on the first.
     *
     * @param request the request
     * @return the store
     */
    public CurrentStore resolveForPage(HttpServletRequest request) {
        try {
            CurrentStore store = resolve(request);
            // a user of one store has it pinned too, so that being added to a second store later does not move
            // the pages to another store under the merchant's eyes
            HttpSession session = request.getSession(false);
            if (session != null && request.getHeader(HEADER) == null && session.getAttribute(SESSION_KEY) == null) {
                session.setAttribute(SESSION_KEY, store.id());
            }
            return store;
        } catch (ApiException e) {
            if (!"store_required".equals(e.code())) {
                throw e;
            }
            AdminUser user = signedInUser().orElseThrow();
            return choose(request, stores.of(user.id()).get(0).id());
        }
    }

    /**
     * Chooses a store for the rest of the session, after the membership check.
     *
     * @param request the request
     * @param storeId the store
     * @return the chosen store
     */
    public CurrentStore choose(HttpServletRequest request, long storeId) {
        AdminUser user = signedInUser().orElseThrow(() -> ApiException.forbidden("Sign in first."));
        CurrentStore store = check(storeId, user)
                .orElseThrow(() -> ApiException.forbidden("You are not a member of store " + storeId + "."));
        request.getSession(true).setAttribute(SESSION_KEY, store.id());
        return store;
    }

    private Optional<CurrentStore> check(long storeId, AdminUser user) {
        return stores.membership(storeId, user.id())
                .map(m -> new CurrentStore(m.id(), m.name(), m.role(), user.id()));
    }

    private static long parseId(String header) {
        try {
            long id = Long.parseLong(header.trim());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw ApiException.badRequest(HEADER, "Header " + HEADER + " must be a store id (a positive number).");
    }

    /**
     * The signed-in user of the current thread.
     *
     * @return the user, empty when nobody is signed in
     */
    public static Optional<AdminUser> signedInUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof AdminUser user ? Optional.of(user) : Optional.empty();
    }
}
