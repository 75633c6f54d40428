package io.tidewatch.session;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestCookie;

import io.tidewatch.branding.BrandingService;
import io.tidewatch.platform.web.ClientInfo;

/** {@code /}: where sign-in lands. A placeholder saying who is signed in, until the console takes this place. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    private final Session session;
    private final CsrfTokens csrf;
    private final BrandingService branding;
    private final ClientInfo client;

    HomeResource(Session session, CsrfTokens csrf, BrandingService branding, ClientInfo client) {
        this.session = session;
        this.csrf = csrf;
        this.branding = branding;
        this.client = client;
    }

    @GET
    public Response home(@RestCookie(CsrfTokens.COOKIE) String csrfCookie) {
        SessionAccount account = session.require();
        if (account.passwordChangeRequired()) {
            return Pages.redirect("/change-password");
        }
        CsrfTokens.Grant grant = csrf.grant(csrfCookie, client.isSecure());
        return Pages.html(200, Pages.Templates.home(branding.brandForHost(client.host()), account, grant.token()),
                grant.cookie().orElse(null));
    }
}
