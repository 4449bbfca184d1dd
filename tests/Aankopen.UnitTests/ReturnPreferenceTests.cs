using Aankopen.Edge.Http;
using Microsoft.AspNetCore.Http;
using Shouldly;

namespace Aankopen.UnitTests;

public sealed class ReturnPreferenceTests
{
    [Theory]
    [InlineData("return=minimal", true)]
    [InlineData("respond-async, return=minimal", true)]
    [InlineData("Return = Minimal; strict", true)]
    [InlineData("return=representation", false)]
    [InlineData("handling=strict", false)]
    [InlineData("", false)]
    public void A_minimal_answer_is_given_only_when_asked_for(string prefer, bool minimal)
    {
        var http = new DefaultHttpContext();
        if (prefer.Length > 0)
            http.Request.Headers["Prefer"] = prefer;

        ReturnPreference.WantsMinimal(http).ShouldBe(minimal);
    }

    [Fact]
    public void A_minimal_answer_says_that_the_preference_was_applied_and_builds_no_view()
    {
        var http = new DefaultHttpContext();
        http.Request.Headers["Prefer"] = "return=minimal";

        var answer = ReturnPreference.Answer(http, () => throw new InvalidOperationException("the view is not built"));

        answer.ShouldBeOfType<Microsoft.AspNetCore.Http.HttpResults.NoContent>();
        http.Response.Headers["Preference-Applied"].ToString().ShouldBe("return=minimal");
    }
}
