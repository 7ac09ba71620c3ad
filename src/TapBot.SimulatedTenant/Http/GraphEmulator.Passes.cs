using System.Text.Json;
using System.Text.Json.Nodes;
using TapBot.SimulatedTenant.Tenant;

namespace TapBot.SimulatedTenant.Http;

/// <summary>The emulator's Temporary Access Pass routes: a user's passes and the tenant's TAP policy.</summary>
public sealed partial class GraphEmulator
{
    private GraphReply PassRoutes(GraphCall call, SeedUser user, string? passId, bool tooDeep)
    {
        if (tooDeep) throw NoRoute(call);
        switch (call.Method, passId)
        {
            case ("GET", null):
            {
                state.RequirePermission(TapRead);
                var pass = state.GetPass(user);
                var items = pass is null ? [] : new JsonNode[] { GraphJson.Pass(pass, withType: false) };
                return GraphReply.Ok(GraphJson.Collection(
                    $"{call.BaseUrl}/$metadata#users('{user.Id}')/authentication/temporaryAccessPassMethods", items));
            }
            case ("GET", _):
            {
                state.RequirePermission(TapRead);
                var pass = state.GetPass(user);
                if (pass is null || !string.Equals(pass.Id, passId, StringComparison.OrdinalIgnoreCase)) throw GraphErrorException.NotFound(passId);
                return GraphReply.Ok(WithContext(GraphJson.Pass(pass, withType: true), call,
                    $"users('{user.Id}')/authentication/temporaryAccessPassMethods/$entity"));
            }
            case ("POST", null):
            {
                state.RequirePermission(TapWrite);
                var body = call.Body as JsonObject ?? [];
                var created = state.CreatePass(user,
                    ReadInt(body, "lifetimeInMinutes"), ReadDate(body, "startDateTime"), ReadBool(body, "isUsableOnce"),
                    options.PolicyViolationStatus);
                return GraphReply.Created(WithContext(GraphJson.Pass(created, withType: true), call,
                    $"users('{user.Id}')/authentication/temporaryAccessPassMethods/$entity"));
            }
            case ("DELETE", not null):
                state.RequirePermission(TapWrite);
                state.DeletePass(user, passId);
                return GraphReply.NoContent();
            default:
                throw NoRoute(call);
        }
    }

    private GraphReply PolicyRoutes(GraphCall call, string id)
    {
        if (!id.Equals("TemporaryAccessPass", StringComparison.OrdinalIgnoreCase)) throw GraphErrorException.NotFound(id);
        switch (call.Method)
        {
            case "GET":
                state.RequirePermission(PolicyRead);
                return GraphReply.Ok(GraphJson.Policy(state.Policy, call.BaseUrl));
            case "PATCH":
                state.RequirePermission(PolicyWrite);
                state.ReplacePolicy(Patched(state.Policy, call.Body as JsonObject ?? throw GraphErrorException.BadRequest("A request body is required.")));
                return GraphReply.NoContent();
            case "DELETE":
                state.RequirePermission(PolicyWrite);
                state.ReplacePolicy(new SeedTapPolicy { State = "disabled" });
                return GraphReply.NoContent();
            default:
                throw NoRoute(call);
        }
    }

    /// <summary>PATCH semantics: properties in the body replace, the rest keep their values; the result must be valid.</summary>
    private static SeedTapPolicy Patched(SeedTapPolicy current, JsonObject body)
    {
        if (body["@odata.type"] is { } typeNode
            && !(typeNode is JsonValue tv && tv.TryGetValue<string>(out var t) && t == "#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration"))
        {
            throw GraphErrorException.BadRequest("The @odata.type does not match this configuration.");
        }

        JsonObject merged;
        try
        {
            merged = JsonSerializer.SerializeToNode(current, TenantSeed.Json)!.AsObject();
            foreach (var (key, value) in body)
            {
                if (key.StartsWith('@')) continue;
                merged[key] = value?.DeepClone();
            }

            var result = merged.Deserialize<SeedTapPolicy>(TenantSeed.Json) ?? current;
            if (result.Problem() is { } problem) throw new GraphErrorException(400, "badRequest", "Invalid policy: " + problem + ".");
            return result;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new GraphErrorException(400, "badRequest", "The request body is not a valid temporaryAccessPassAuthenticationMethodConfiguration.");
        }
    }

    private static int ParseTop(string? top)
    {
        if (top is null) return 100;
        return int.TryParse(top, out var n) && n is >= 1 and <= 999
            ? n
            : throw new GraphErrorException(400, "Request_BadRequest", "Invalid page size specified: '" + top + "'. Must be between 1 and 999 inclusive.");
    }

    private static int? ReadInt(JsonObject body, string name)
    {
        if (body[name] is not JsonValue v) return null;
        return v.TryGetValue<int>(out var n) ? n : throw GraphErrorException.BadRequest($"Invalid value for '{name}'.");
    }

    private static bool? ReadBool(JsonObject body, string name)
    {
        if (body[name] is not JsonValue v) return null;
        return v.TryGetValue<bool>(out var b) ? b : throw GraphErrorException.BadRequest($"Invalid value for '{name}'.");
    }

    private static DateTimeOffset? ReadDate(JsonObject body, string name)
    {
        if (body[name] is not JsonValue v) return null;
        return v.TryGetValue<string>(out var s) && DateTimeOffset.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var d)
            ? d
            : throw GraphErrorException.BadRequest($"Invalid value for '{name}'.");
    }
}
