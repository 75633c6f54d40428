package io.tidewatch.session;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /}: where sign-in lands; signed-in people continue to the console, through a password change if one is due. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    /** Where the console starts. */
    static final String CONSOLE = "/console";

    private final Session session;

    HomeResource(Session session) {
        this.session = session;
    }

    @GET
    public Response home() {
        SessionAccount account = session.require();
        if (account.passwordChangeRequired()) {
            return Pages.redirect("/change-password");
        }
        return Pages.redirect(CONSOLE);
    }
}
