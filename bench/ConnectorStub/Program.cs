// Acknowledges every activity a bot sends to /v3/conversations/... with 201 and an id, as the Bot Connector does.
// One process serves both bots under test, so neither pays for the other's replies.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var reply = "{\"id\":\"1\"}"u8.ToArray();
app.MapGet("/healthz", () => "ok");
app.MapPost("/v3/conversations/{**rest}", async (HttpContext http) =>
{
    http.Response.StatusCode = 201;
    http.Response.ContentType = "application/json";
    await http.Response.Body.WriteAsync(reply);
});
app.Run();
