using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ecp.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Assessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssessmentRounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosesAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentRounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentDimensions",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentDimensions", x => new { x.RoundId, x.Code });
                    table.ForeignKey(
                        name: "FK_AssessmentDimensions_AssessmentRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "AssessmentRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentRatings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DimensionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RaterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RaterName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StakeholderGroup = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MemberStateCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    RatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SupersededAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentRatings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentRatings_AssessmentRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "AssessmentRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentRatings_RoundId_DimensionCode",
                table: "AssessmentRatings",
                columns: new[] { "RoundId", "DimensionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentRounds_Number",
                table: "AssessmentRounds",
                column: "Number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentDimensions");

            migrationBuilder.DropTable(
                name: "AssessmentRatings");

            migrationBuilder.DropTable(
                name: "AssessmentRounds");
        }
    }
}
