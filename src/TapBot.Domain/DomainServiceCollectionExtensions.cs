using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TapBot.Domain.Configuration;
using TapBot.Domain.Issuance;
using TapBot.Domain.Roles;
using TapBot.Domain.Status;

namespace TapBot.Domain;

public static class DomainServiceCollectionExtensions
{
    /// <summary>Registers TapBot's domain services and binds (and checks at start) the Roles, Issuance, Approval and Limits settings.</summary>
    public static IServiceCollection AddTapDomain(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCheckedOptions<RoleOptions>(configuration, RoleOptions.Section);
        services.AddCheckedOptions<LookupCacheOptions>(configuration, LookupCacheOptions.Section);
        services.AddSingleton<RecentLookups>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<RoleResolver>();
        services.AddSingleton<PrivilegedTargets>();
        services.AddScoped<TapStatusService>();
        services.AddCheckedOptions<IssuanceOptions>(configuration, IssuanceOptions.Section);
        services.AddScoped<IssuanceService>();
        services.AddScoped<ReasonCheck>();
        services.AddScoped<RecipientResolver>();
        services.AddScoped<PassIssuer>();
        services.AddScoped<TargetEligibility>();
        services.AddScoped<Audit.AuditQueryService>();
        services.AddCheckedOptions<Approvals.ApprovalOptions>(configuration, Approvals.ApprovalOptions.Section);
        services.AddScoped<Approvals.ApprovalViews>();
        services.AddScoped<Approvals.ApproverRules>();
        services.AddScoped<Approvals.RequestTargets>();
        services.AddScoped<Approvals.RequestExpiry>();
        services.AddScoped<Approvals.RequestFormService>();
        services.AddScoped<Approvals.NewRequests>();
        services.AddScoped<Approvals.RequestSubmitService>();
        services.AddScoped<Approvals.RequestDecisionService>();
        services.AddScoped<Approvals.ApprovalDeadlineService>();
        services.AddScoped<RevocationService>();
        services.AddScoped<RedactionService>();
        services.AddScoped<RecoveryService>();
        services.AddCheckedOptions<Limits.LimitOptions>(configuration, Limits.LimitOptions.Section);
        services.AddScoped<Limits.AbuseLimits>();
        services.AddSingleton<Limits.RefusalGateMemory>();
        services.AddScoped<Entitlements.EntitlementService>();
        services.AddScoped<Entitlements.EntitlementUpkeep>();
        return services;
    }
}
