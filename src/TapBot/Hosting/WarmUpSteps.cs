using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using TapBot.Cards;
using TapBot.Commands;
using TapBot.Domain.Diagnostics;
using TapBot.Storage;
using TapBot.Teams;

namespace TapBot.Hosting;

/// <summary>Microsoft Graph: the token, the connection and the SDK's request pipeline, with one read of the TAP policy.</summary>
public sealed class GraphWarmUp : IWarmUpStep
{
    public string Name => "Microsoft Graph";

    public Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<IDirectoryDiagnostics>().PingAsync(ct);
}

/// <summary>Storage: the connection and EF Core's model, built on the first use of the context.</summary>
public sealed class StorageWarmUp : IWarmUpStep
{
    public string Name => "storage";

    public Task RunAsync(IServiceProvider services, CancellationToken ct) => StorageDiagnostics.CheckAsync(services, ct);
}

/// <summary>
/// The Teams edge, without a turn (a rehearsed turn would record a made-up person's chat): the adapter and the
/// connector authentication, a turn's services, the activity reader and command parser, and Newtonsoft's contracts
/// for an activity with a card, which each type builds on first use.
/// </summary>
public sealed class TeamsWarmUp : IWarmUpStep
{
    public string Name => "Teams edge";

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        services.GetRequiredService<BotFrameworkAuthentication>();
        services.GetRequiredService<TapCloudAdapter>();
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<IBot>();
        }

        var incoming = JObject.FromObject(new Activity
        {
            Type = ActivityTypes.Message, Id = "warm-up", ChannelId = "msteams", ServiceUrl = "https://smba.trafficmanager.net/warm-up/",
            From = new ChannelAccount("29:warm-up", "Warm-up") { AadObjectId = Guid.Empty.ToString() },
            Conversation = new ConversationAccount(conversationType: "personal", id: "a:warm-up"),
            Recipient = new ChannelAccount("28:warm-up", "TapBot"), Text = "help",
        }, JsonSerializer.Create(HttpHelper.BotMessageSerializerSettings));
        ActivityShape.Problem(incoming, out var activity);
        CommandParser.Parse(activity?.Text);

        var reply = MessageFactory.Attachment(new Attachment("application/vnd.microsoft.card.adaptive", content: JObject.Parse(HelpCard.Build().ToJsonString())));
        JsonConvert.DeserializeObject<Activity>(JsonConvert.SerializeObject(reply, HttpHelper.BotMessageSerializerSettings), HttpHelper.BotMessageSerializerSettings);
    }
}
