using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using TapBot.Domain.Configuration;
using TapBot.Domain.Diagnostics;
using TapBot.Domain.Ports;

namespace TapBot.Graph;

public static class GraphServiceCollectionExtensions
{
    /// <summary>Registers the Graph gateway: one GraphServiceClient and the ports it implements.</summary>
    public static IServiceCollection AddTapGraph(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCheckedOptions<GraphOptions>(configuration, GraphOptions.Section);
        services.AddSingleton(sp => GraphClientBuilder.Build(sp.GetRequiredService<IOptions<GraphOptions>>().Value));
        services.AddSingleton(sp => new GraphBatch(sp.GetRequiredService<GraphServiceClient>(), sp.GetRequiredService<IOptions<GraphOptions>>().Value));
        services.AddSingleton<IDirectory>(sp => new GraphDirectory(sp.GetRequiredService<GraphServiceClient>(), sp.GetRequiredService<GraphBatch>()));
        services.AddSingleton<ITemporaryAccessPasses>(sp => new GraphTemporaryAccessPasses(sp.GetRequiredService<GraphServiceClient>()));
        services.AddSingleton<IdentityHints>();
        services.AddSingleton<IIssuancePreflight>(sp => new GraphIssuancePreflight(
            sp.GetRequiredService<GraphServiceClient>(), sp.GetRequiredService<IOptions<GraphOptions>>().Value, sp.GetRequiredService<IdentityHints>()));
        services.AddSingleton<IDirectoryDiagnostics>(sp => new GraphDiagnostics(
            sp.GetRequiredService<GraphServiceClient>(), sp.GetRequiredService<IOptions<GraphOptions>>().Value));
        return services;
    }
}
