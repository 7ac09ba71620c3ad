// Acknowledges every activity a bot sends to /v3/conversations/... with 201 and an id, as the Bot Connector does.
// One process serves both bots under test, so neither pays for the other's replies.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
// Each activity gets its own id, as from the Bot Connector: TapBot remembers the cards it sent by id (the flows of
// bench/TapBot.Bench/Flows.cs send many to one conversation, and a data folder may outlive this process). Card
// updates (PUT) and deletions are acknowledged too.
app.MapGet("/healthz", () => "ok");
app.MapPost("/v3/conversations/{**rest}", async (HttpContext http) =>
{
    http.Response.StatusCode = 201;
    http.Response.ContentType = "application/json";
    await http.Response.WriteAsync($"{{\"id\":\"{Guid.NewGuid():N}\"}}");
});
app.MapPut("/v3/conversations/{**rest}", () => Results.Json(new { id = Guid.NewGuid().ToString("N") }));
app.MapDelete("/v3/conversations/{**rest}", () => Results.Ok());
app.Run();
