using Aankopen.Edge.Http;
using Microsoft.AspNetCore.Http;
using Shouldly;

namespace Aankopen.UnitTests;

/// <summary>A refusal page speaks as the pages do: the language the person chose first, then the browser's.</summary>
public sealed class RefusalPagesTests
{
    [Theory]
    [InlineData(null, null, false)]
    [InlineData(null, "fr-BE,fr;q=0.9", true)]
    [InlineData("fr", null, true)]
    [InlineData("nl", "fr-BE,fr;q=0.9", false)]
    [InlineData("fr", "nl-BE", true)]
    public void A_refusal_page_speaks_the_language_the_person_chose_then_the_browsers(string? chosen, string? browser, bool french)
    {
        var http = new DefaultHttpContext();
        if (chosen is not null)
            http.Request.Headers.Cookie = $"{RefusalPages.LanguageCookie}={chosen}";
        if (browser is not null)
            http.Request.Headers.AcceptLanguage = browser;

        RefusalPages.PrefersFrench(http).ShouldBe(french);
        RefusalPages.Html(StatusCodes.Status401Unauthorized, RefusalPages.PrefersFrench(http))
            .ShouldContain(french ? "Échec de la connexion" : "Aanmelden mislukt");
    }
}
