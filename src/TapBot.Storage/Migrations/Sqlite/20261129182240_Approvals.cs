using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TapBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Approvals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "UserId",
                table: "personal_chats",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RemindedAtUtcTicks",
                table: "access_requests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "request_cards",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PersonId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ServiceUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    BotId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_request_cards", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_access_requests_TenantId_TargetId_Status",
                table: "access_requests",
                columns: new[] { "TenantId", "TargetId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_request_cards_RequestId",
                table: "request_cards",
                column: "RequestId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "request_cards");

            migrationBuilder.DropIndex(
                name: "IX_access_requests_TenantId_TargetId_Status",
                table: "access_requests");

            migrationBuilder.DropColumn(
                name: "UserId",
                table: "personal_chats");

            migrationBuilder.DropColumn(
                name: "RemindedAtUtcTicks",
                table: "access_requests");
        }
    }
}
