using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TapBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccessRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "access_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RequesterId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TargetId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecipientId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LifetimeInMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    IsUsableOnce = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    DecideByUtcTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DeciderId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Approved = table.Column<bool>(type: "INTEGER", nullable: true),
                    DecidedAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PassId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PassExpiresAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    DeliveryConversationId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    DeliveryMessageId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DeliveredAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    RedactedAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    FailureReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_access_requests", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_access_requests_Status_DecideByUtcTicks",
                table: "access_requests",
                columns: new[] { "Status", "DecideByUtcTicks" });

            migrationBuilder.CreateIndex(
                name: "IX_access_requests_TargetId",
                table: "access_requests",
                column: "TargetId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "access_requests");
        }
    }
}
