using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ecp.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReportNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.InsertData(
                table: "Lease",
                columns: new[] { "Name", "ExpiresAt", "Holder" },
                values: new object[] { "notifications.reports", new DateTimeOffset(new DateTime(2000, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "" });

            migrationBuilder.InsertData(
                table: "ProjectionCheckpoint",
                columns: new[] { "Name", "LastSequence" },
                values: new object[] { "notifications.reports", 0L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(
                table: "Lease",
                keyColumn: "Name",
                keyValue: "notifications.reports");

            migrationBuilder.DeleteData(
                table: "ProjectionCheckpoint",
                keyColumn: "Name",
                keyValue: "notifications.reports");
        }
    }
}
