using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TapBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ApproverChannels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "approver_channels",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ServiceUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    TeamId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    BotId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SetBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SetAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_approver_channels", x => x.TenantId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "approver_channels");
        }
    }
}
