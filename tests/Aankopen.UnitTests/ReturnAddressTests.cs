using Aankopen.Edge.Security;
using Shouldly;

namespace Aankopen.UnitTests;

/// <summary>Where a browser may be sent back to after a sign-in, a language switch or a sign-out: this site's pages only.</summary>
public sealed class ReturnAddressTests
{
    [Theory]
    [InlineData("/", "/")]
    [InlineData("/tenders?q=papier", "/tenders?q=papier")]
    [InlineData("/tenders/", "/tenders/")]
    [InlineData("/tenders/0193a1b2-0000-7000-8000-000000000001?lang=fr#lots", "/tenders/0193a1b2-0000-7000-8000-000000000001?lang=fr#lots")]
    [InlineData("/tenders?q=é", "/tenders?q=%C3%A9")]
    [InlineData("/%C3%A9", "/%C3%A9")]
    [InlineData("/é", "/%C3%A9")]
    [InlineData("/a b", "/a%20b")]
    [InlineData("/%09/evil.example", "/")]
    [InlineData("/%ZZ", "/%ZZ")]
    public void A_page_of_this_site_is_kept_in_ascii(string asked, string back) => ReturnAddresses.Local(asked).ShouldBe(back);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("//evil.example/tenders?x=1")]
    [InlineData("///evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("\\/evil.example")]
    [InlineData("/%2F/evil.example")]
    [InlineData("/%2f%2fevil.example")]
    [InlineData("/%5Cevil.example")]
    [InlineData("/.//evil")]
    [InlineData("/.%2F%2Fevil")]
    [InlineData("/tenders/../..//evil")]
    [InlineData("/tenders/%2E%2E/x")]
    [InlineData("https://evil.example/")]
    [InlineData("evil.example")]
    [InlineData("/tenders\r\nSet-Cookie: x=1")]
    [InlineData("/\t/evil.example")]
    public void Anything_else_is_the_overview(string? asked) => ReturnAddresses.Local(asked).ShouldBe("/");
}
