using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TapBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AbuseLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "limit_slots",
                columns: table => new
                {
                    Limit = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    WindowStartUtcTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    Slot = table.Column<int>(type: "INTEGER", nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ClaimedAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_limit_slots", x => new { x.Limit, x.Subject, x.WindowStartUtcTicks, x.Slot });
                });

            migrationBuilder.CreateTable(
                name: "security_alert_channels",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ServiceUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    BotId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SetBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SetAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_security_alert_channels", x => x.TenantId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_limit_slots_WindowStartUtcTicks",
                table: "limit_slots",
                column: "WindowStartUtcTicks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "limit_slots");

            migrationBuilder.DropTable(
                name: "security_alert_channels");
        }
    }
}
