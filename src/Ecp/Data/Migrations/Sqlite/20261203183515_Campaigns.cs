using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ecp.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Campaigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CampaignBand",
                columns: table => new
                {
                    ConsultationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Hash = table.Column<long>(type: "INTEGER", nullable: false),
                    ContributionId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignBand", x => new { x.ConsultationId, x.Hash, x.ContributionId });
                });

            migrationBuilder.CreateTable(
                name: "CampaignMember",
                columns: table => new
                {
                    ContributionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConsultationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ExactKey = table.Column<long>(type: "INTEGER", nullable: false),
                    Signature = table.Column<byte[]>(type: "BLOB", maxLength: 512, nullable: false),
                    StakeholderGroup = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignMember", x => x.ContributionId);
                });

            migrationBuilder.InsertData(
                table: "Lease",
                columns: new[] { "Name", "ExpiresAt", "Holder" },
                values: new object[] { "campaigns.projection", 1291925127168000000L, "" });

            migrationBuilder.InsertData(
                table: "ProjectionCheckpoint",
                columns: new[] { "Name", "LastSequence" },
                values: new object[] { "campaigns", 0L });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignBand_ContributionId",
                table: "CampaignBand",
                column: "ContributionId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignMember_ConsultationId_ExactKey",
                table: "CampaignMember",
                columns: new[] { "ConsultationId", "ExactKey" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignMember_ConsultationId_GroupId",
                table: "CampaignMember",
                columns: new[] { "ConsultationId", "GroupId" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignMember_ConsultationId_Number",
                table: "CampaignMember",
                columns: new[] { "ConsultationId", "Number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CampaignBand");

            migrationBuilder.DropTable(
                name: "CampaignMember");

            migrationBuilder.DeleteData(
                table: "Lease",
                keyColumn: "Name",
                keyValue: "campaigns.projection");

            migrationBuilder.DeleteData(
                table: "ProjectionCheckpoint",
                keyColumn: "Name",
                keyValue: "campaigns");
        }
    }
}
