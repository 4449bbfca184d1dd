using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace Aankopen.IntegrationTests.Pages;

/// <summary>
/// A page session is the server's: signing out ends it for every copy of its cookie, and it lives on refresh tokens,
/// not on one access token, until the identity provider's session ends.
/// </summary>
[Collection(nameof(RunningSystem))]
public sealed class SessionTests(RunningSystem system)
{
    [Fact]
    public async Task Documents_registered_by_the_notifications_are_part_of_the_event_store_and_the_pages_keep_theirs_apart()
    {
        // Hosts built and never started: a store knows only what was registered, nothing a session stored since.
        await using var api = Aankopen.Api.Program.Build(["--urls=http://127.0.0.1:0", $"--ConnectionStrings:Aankopen={system.ConnectionString}", .. RunningSystem.ApiSettings()]);
        await using var web = Aankopen.Web.Program.Build(["--urls=http://127.0.0.1:0", $"--ConnectionStrings:Aankopen={system.ConnectionString}",
            $"--{Aankopen.Web.PageApi.AddressSetting}={system.Api.BaseAddress}", .. RunningSystem.ApiSettings()]);
        var documents = api.Services.GetRequiredService<Marten.IDocumentStore>().Options.AllKnownDocumentTypes().Select(d => d.DocumentType).ToArray();
        var pages = web.Services.GetRequiredService<Marten.IDocumentStore>().Options;

        pages.DatabaseSchemaName.ShouldBe(Aankopen.Web.Sessions.SessionStore.Schema);
        pages.AllKnownDocumentTypes().Select(d => d.DocumentType).ShouldBe([typeof(Aankopen.Web.Sessions.PageSession), typeof(Aankopen.Web.Sessions.DataProtectionKey)], ignoreOrder: true);
        documents.ShouldNotContain(typeof(Aankopen.Web.Sessions.PageSession));
        documents.ShouldContain(typeof(Aankopen.Store.Tenders.ReadModels.TenderRecord));
        documents.ShouldContain(typeof(Aankopen.Store.Notifications.Deliveries.PublishedFinanceMessage));
        documents.ShouldContain(typeof(Aankopen.Store.Notifications.Parking.ParkedFinanceMessage));
        documents.ShouldContain(typeof(Aankopen.Store.Notifications.Deliveries.DeliveryRecord));
    }

    [Fact]
    public async Task A_session_cookie_kept_from_before_signing_out_opens_nothing_afterwards()
    {
        var reports = new Uri(system.Site, "reports");
        using var browser = new SignInOverHttp();
        await browser.SignInAsync(reports.ToString(), TestUsers.Auditor);
        (await browser.GetAsync(reports)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var kept = browser.Cookies["aankopen.session"];

        var signedOut = await browser.PostFormAsync(new Uri(system.Site, "SignOut"),
            [KeyValuePair.Create("__RequestVerificationToken", await browser.FormTokenAsync(reports))]);
        signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        browser.Cookies.ShouldNotContainKey("aankopen.session");

        using var replay = new SignInOverHttp();
        replay.Cookies["aankopen.session"] = kept;
        var afterwards = await replay.GetAsync(reports);
        afterwards.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        afterwards.Headers.Location!.GetLeftPart(UriPartial.Path).ShouldBe(new Uri(TestIssuer.Address, "authorize").ToString());
    }

    [Fact]
    public async Task A_renewal_that_ends_after_the_sign_out_does_not_bring_the_session_back()
    {
        var store = system.WebServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(Edge.Security.SignIn.Cookie).SessionStore!;
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", TestUsers.Auditor)], "test")),
            new AuthenticationProperties { IssuedUtc = DateTimeOffset.UtcNow, ExpiresUtc = DateTimeOffset.UtcNow.AddHours(1) }, Edge.Security.SignIn.Cookie);
        var key = await store.StoreAsync(ticket, HttpCalls.Ct);
        (await store.RetrieveAsync(key, HttpCalls.Ct)).ShouldNotBeNull();

        // A request in flight renews its tokens just after the person signed out.
        await store.RemoveAsync(key, HttpCalls.Ct);
        await store.RenewAsync(key, ticket, HttpCalls.Ct);

        (await store.RetrieveAsync(key, HttpCalls.Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task A_session_renewed_all_day_still_ends_when_its_hours_are_over()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var database = await system.CreateDatabaseAsync();
        var (_, api) = await system.StartApiAsync(database, services => services.AddSingleton<TimeProvider>(clock));
        var (_, site) = await system.StartWebAsync(database, api.BaseAddress!, services => services.AddSingleton<TimeProvider>(clock), "--Authentication:SessionHours=8");
        var reports = new Uri(site, "reports");
        using var browser = new SignInOverHttp();
        await browser.SignInAsync(reports.ToString(), TestUsers.Auditor);

        // Used all day: every few hours its access token has ended and is renewed.
        foreach (var hours in new[] { 3, 3, 1.5 })
        {
            clock.Advance(TimeSpan.FromHours(hours));
            (await browser.GetAsync(reports)).StatusCode.ShouldBe(HttpStatusCode.OK, $"{clock.GetUtcNow():t}");
        }
        clock.Advance(TimeSpan.FromMinutes(31));
        var afterTheDay = await browser.GetAsync(reports);

        afterTheDay.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        afterTheDay.Headers.Location!.GetLeftPart(UriPartial.Path).ShouldBe(new Uri(TestIssuer.Address, "authorize").ToString());
    }

    [Fact]
    public async Task A_session_outlives_its_access_token_through_the_refresh_token_and_ends_with_the_providers_session()
    {
        // An identity provider of its own whose access tokens last 3 seconds and whose sessions last 9.
        var issuer = system.DisposeAtEnd(Aankopen.DevIssuer.Program.Build(
            ["--urls=http://127.0.0.1:0", "--Issuer:SignInTokenMinutes=0.05", "--Issuer:SessionMinutes=0.15"]));
        await issuer.StartAsync(HttpCalls.Ct);
        var authority = issuer.Urls.First();
        var database = await system.CreateDatabaseAsync();
        var (_, api) = await system.StartApiAsync(database, _ => { }, $"--Authentication:Authority={authority}");
        var (_, site) = await system.StartWebAsync(database, api.BaseAddress!, _ => { }, $"--Authentication:Authority={authority}");
        var reports = new Uri(site, "reports");
        using var browser = new SignInOverHttp();
        await browser.SignInAsync(reports.ToString(), TestUsers.Auditor);
        // The issuer's session and first token began during the sign-in, so counting from its end waits at least as
        // long as they last, however slowly a busy machine signed in.
        var started = DateTime.UtcNow;

        await Task.Delay(TimeSpan.FromSeconds(4) - (DateTime.UtcNow - started), HttpCalls.Ct);
        var afterTheFirstToken = await browser.GetAsync(reports);
        await Task.Delay(TimeSpan.FromSeconds(10) - (DateTime.UtcNow - started), HttpCalls.Ct);
        var afterTheSession = await browser.GetAsync(reports);

        afterTheFirstToken.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await afterTheFirstToken.Content.ReadAsStringAsync(HttpCalls.Ct)).ShouldContain("<h1");
        afterTheSession.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        afterTheSession.Headers.Location!.GetLeftPart(UriPartial.Path).ShouldBe($"{authority}/authorize");
    }
}
