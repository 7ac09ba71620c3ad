using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TapBot.Storage.Migrations.PostgreSql
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
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RemindedAtUtcTicks",
                table: "access_requests",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "request_cards",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PersonId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ChannelId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ServiceUrl = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    ConversationId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    MessageId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    BotId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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
