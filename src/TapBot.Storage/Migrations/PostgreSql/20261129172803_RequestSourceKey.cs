using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TapBot.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class RequestSourceKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SourceKey",
                table: "access_requests",
                type: "character varying(600)",
                maxLength: 600,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_access_requests_PassId",
                table: "access_requests",
                column: "PassId");

            migrationBuilder.CreateIndex(
                name: "IX_access_requests_SourceKey",
                table: "access_requests",
                column: "SourceKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_access_requests_PassId",
                table: "access_requests");

            migrationBuilder.DropIndex(
                name: "IX_access_requests_SourceKey",
                table: "access_requests");

            migrationBuilder.DropColumn(
                name: "SourceKey",
                table: "access_requests");
        }
    }
}
