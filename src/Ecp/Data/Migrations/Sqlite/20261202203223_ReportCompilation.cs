using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ecp.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportCompilation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ClosedAt",
                table: "ReportingCycles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CompiledAt",
                table: "ReportingCycles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Number",
                table: "AnnualReports",
                type: "INTEGER",
                nullable: true);

            // Reports submitted before numbering: numbered in their cycle by submission, as SubmitReport numbers them.
            migrationBuilder.Sql("""
                UPDATE "AnnualReports" SET "Number" = (SELECT COUNT(*) FROM "AnnualReports" AS o
                    WHERE o."CycleId" = "AnnualReports"."CycleId" AND o."SubmittedAt" IS NOT NULL
                    AND (o."SubmittedAt" < "AnnualReports"."SubmittedAt" OR (o."SubmittedAt" = "AnnualReports"."SubmittedAt" AND o."Id" <= "AnnualReports"."Id")))
                WHERE "SubmittedAt" IS NOT NULL;
                """);


            migrationBuilder.CreateTable(
                name: "CycleCompilation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CycleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Markdown = table.Column<string>(type: "TEXT", maxLength: 50000, nullable: false),
                    Html = table.Column<string>(type: "TEXT", nullable: false),
                    CitedNumbers = table.Column<string>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CycleCompilation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CycleCompilation_ReportingCycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "ReportingCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReports_CycleId_Number",
                table: "AnnualReports",
                columns: new[] { "CycleId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CycleCompilation_CycleId",
                table: "CycleCompilation",
                column: "CycleId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CycleCompilation");

            migrationBuilder.DropIndex(
                name: "IX_AnnualReports_CycleId_Number",
                table: "AnnualReports");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "ReportingCycles");

            migrationBuilder.DropColumn(
                name: "CompiledAt",
                table: "ReportingCycles");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "AnnualReports");
        }
    }
}
