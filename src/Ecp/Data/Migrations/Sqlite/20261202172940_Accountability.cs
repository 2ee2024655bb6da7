using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ecp.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Accountability : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Results",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AdoptedYear = table.Column<int>(type: "INTEGER", nullable: false),
                    AdoptedVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Paragraph = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Depth = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", maxLength: 40, nullable: false),
                    Progress = table.Column<int>(type: "INTEGER", nullable: true),
                    DefinedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Results", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Results_Bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Results_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Results_Results_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Results",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "ResultImplementers",
                columns: table => new
                {
                    ResultId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultImplementers", x => new { x.ResultId, x.OrganizationId });
                    table.ForeignKey(
                        name: "FK_ResultImplementers_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ResultImplementers_Results_ResultId",
                        column: x => x.ResultId,
                        principalTable: "Results",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResultMilestones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResultId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultMilestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResultMilestones_Results_ResultId",
                        column: x => x.ResultId,
                        principalTable: "Results",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ResultImplementers_OrganizationId",
                table: "ResultImplementers",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ResultMilestones_ResultId_DueOn",
                table: "ResultMilestones",
                columns: new[] { "ResultId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Results_BodyId_AdoptedYear_Status",
                table: "Results",
                columns: new[] { "BodyId", "AdoptedYear", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Results_DocumentId_ParentId",
                table: "Results",
                columns: new[] { "DocumentId", "ParentId" });

            migrationBuilder.CreateIndex(
                name: "IX_Results_ParentId",
                table: "Results",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Results_Status_Id",
                table: "Results",
                columns: new[] { "Status", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ResultImplementers");

            migrationBuilder.DropTable(
                name: "ResultMilestones");

            migrationBuilder.DropTable(
                name: "Results");
        }
    }
}
