using System.Net;
using System.Net.Sockets;
using Shouldly;

namespace Aankopen.IntegrationTests;

/// <summary>The development issuer signs anyone in, so it must never be reachable from another machine, not even briefly.</summary>
public sealed class DevIssuerTests
{
    [Fact]
    public async Task It_refuses_an_address_open_to_other_machines_before_it_listens()
    {
        // The address is taken: had the issuer tried to listen on it first, it would have failed there instead.
        using var taken = new TcpListener(IPAddress.Any, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var exit = await Aankopen.DevIssuer.Program.Main([$"--urls=http://0.0.0.0:{port}"]);

        exit.ShouldBe(2);
    }

    [Theory]
    [InlineData("--urls=http://127.0.0.1:5000;http://[::1]:5001;http://localhost:5002", false)]
    [InlineData("--urls=http://*:5000", true)]
    [InlineData("--urls=http://+:5000", true)]
    [InlineData("--urls=http://[::]:5000", true)]
    [InlineData("--urls=http://192.168.1.10:5000", true)]
    [InlineData("--http_ports=8080", true)]
    [InlineData("--Kestrel:Endpoints:Web:Url=http://10.0.0.1:5000", true)]
    public void It_knows_which_settings_open_it_to_other_machines(string setting, bool open)
    {
        var app = Aankopen.DevIssuer.Program.Build([setting]);

        Aankopen.DevIssuer.Program.NonLoopbackAddresses(app.Configuration).Any().ShouldBe(open);
    }
}
