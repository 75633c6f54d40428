package io.tidewatch.landingpage;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.tidewatch.audit.AuditEvent;
import io.tidewatch.audit.AuditLog;
import io.tidewatch.gotemplate.GoTemplate;
import io.tidewatch.gotemplate.PhishingContext;
import io.tidewatch.gotemplate.TemplateException;
import io.tidewatch.landingpage.internal.LandingPage;
import io.tidewatch.landingpage.internal.LandingPageRepository;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.platform.web.GoTime;
import io.tidewatch.platform.web.Paging;
import io.tidewatch.platform.web.Texts;
import io.tidewatch.platform.web.UniqueNames;

/**
 * Creates, changes and deletes the tenant's landing pages with Gophish's rules and messages; validation failures are
 * 400s (Gophish answered them with 500). Every change is audited.
 */
@ApplicationScoped
public class PageService {

    static final String NOT_FOUND = "Page not found";
    static final String NAME_IN_USE = "Page name already in use";

    private final LandingPageRepository pages;
    private final AuditLog audit;

    PageService(LandingPageRepository pages, AuditLog audit) {
        this.pages = pages;
        this.audit = audit;
    }

    /** The tenant's pages, oldest first. */
    @Transactional
    public List<PageView> list(Paging paging) {
        return pages.listPage(paging).stream().map(PageService::view).toList();
    }

    /** One page by id. */
    @Transactional
    public Optional<PageView> find(long id) {
        return Optional.ofNullable(pages.findById(id)).map(PageService::view);
    }

    /** One page by its exact name. */
    @Transactional
    public Optional<PageView> findByName(String name) {
        return pages.findByName(Texts.orEmpty(name)).map(PageService::view);
    }

    /** Creates a page; 409 when the name is taken, 400 when it does not validate. */
    @Transactional
    public PageView create(PageRequest request) {
        if (pages.findByName(Texts.orEmpty(request.name())).isPresent()) {
            throw ApiException.conflict(NAME_IN_USE);
        }
        LandingPage page = new LandingPage();
        apply(page, request);
        UniqueNames.persist(pages, page, NAME_IN_USE);
        audit.record(AuditEvent.of("page.create").target("page", page.id));
        return view(page);
    }

    /** Replaces a page; 404 when missing, 400 on an id mismatch or a validation failure, 409 on a taken name. */
    @Transactional
    public PageView update(long id, PageRequest request) {
        LandingPage page = existing(id);
        if (request.id() != null && request.id() != 0 && request.id() != id) {
            throw ApiException.badRequest("/:id and /:page_id mismatch");
        }
        Optional<LandingPage> sameName = pages.findByName(Texts.orEmpty(request.name()));
        if (sameName.isPresent() && !sameName.get().id.equals(id)) {
            throw ApiException.conflict(NAME_IN_USE);
        }
        apply(page, request);
        UniqueNames.flush(pages, NAME_IN_USE);
        audit.record(AuditEvent.of("page.update").target("page", id));
        return view(page);
    }

    /** Deletes a page. */
    @Transactional
    public void delete(long id) {
        pages.delete(existing(id));
        audit.record(AuditEvent.of("page.delete").target("page", id));
    }

    private LandingPage existing(long id) {
        LandingPage page = pages.findById(id);
        if (page == null) {
            throw ApiException.notFound(NOT_FOUND);
        }
        return page;
    }

    private static void apply(LandingPage page, PageRequest request) {
        String name = Texts.orEmpty(request.name());
        if (name.isEmpty()) {
            throw ApiException.badRequest("Page Name not specified");
        }
        Texts.atMost(name, 255, "name");
        boolean passwords = Boolean.TRUE.equals(request.capturePasswords());
        boolean credentials = passwords || Boolean.TRUE.equals(request.captureCredentials());
        String redirect = Texts.atMost(request.redirectUrl(), 2048, "redirect_url").strip();
        checkSyntax(request.html(), "html");
        checkSyntax(redirect, "redirect_url");
        checkRedirect(redirect);
        String html = PageHtml.normalize(Texts.orEmpty(request.html()), credentials, passwords);
        checkSyntax(html, "html");
        page.name = name;
        page.html = html;
        page.captureCredentials = credentials;
        page.capturePasswords = passwords;
        page.redirectUrl = redirect;
        page.modifiedDate = GoTime.now();
    }

    private static void checkSyntax(String source, String field) {
        try {
            GoTemplate.validate(source, PhishingContext.VARIABLES);
        } catch (TemplateException e) {
            throw ApiException.badRequest(e.describe(field));
        }
    }

    /** A redirect must end up an absolute http(s) URL: no javascript: or data: targets after a form post. */
    private static void checkRedirect(String redirect) {
        if (redirect.isEmpty()) {
            return;
        }
        String rendered = PhishingContext.dummy().render(redirect, false);
        try {
            URI uri = new URI(rendered);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return;
            }
        } catch (URISyntaxException e) {
            // falls through to the message below
        }
        throw ApiException.badRequest("redirect_url: must be an absolute http or https URL");
    }

    private static PageView view(LandingPage page) {
        return new PageView(page.id, page.name, page.html, page.captureCredentials, page.capturePasswords,
                page.redirectUrl, GoTime.format(page.modifiedDate));
    }
}
