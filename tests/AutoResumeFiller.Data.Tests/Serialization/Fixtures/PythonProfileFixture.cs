namespace AutoResumeFiller.Data.Tests.Serialization.Fixtures;

/// <summary>
/// A profile as the seed's Python app writes it (<c>json.dump(profile.model_dump(mode="json"), f, indent=2)</c>):
/// naive <c>last_updated</c> with microseconds, non-ASCII escaped, no trailing newline.
/// </summary>
internal static class PythonProfileFixture
{
    public const string Json =
        """
        {
          "version": "1.0",
          "personal_info": {
            "first_name": "Jos\u00e9",
            "last_name": "Garc\u00eda",
            "email": "jose.garcia@example.com",
            "phone": "+14155552671",
            "linkedin_url": "https://www.linkedin.com/in/josegarcia",
            "github_url": "https://github.com/josegarcia",
            "portfolio_url": "https://josegarcia.dev",
            "address": "123 Main Street, Apt 4B",
            "city": "San Francisco",
            "state": "CA",
            "zip_code": "94105",
            "country": "USA"
          },
          "summary": "Full-stack engineer with 8 years of experience building data-heavy web applications.",
          "education": [
            {
              "institution": "Stanford University",
              "degree": "Master of Science",
              "field_of_study": "Computer Science",
              "start_date": "2022-09",
              "end_date": "Present",
              "gpa": 3.8,
              "honors": [
                "Graduate Fellowship",
                "Dean's List"
              ],
              "relevant_coursework": [
                "Distributed Systems",
                "Machine Learning"
              ]
            },
            {
              "institution": "University of California, Berkeley",
              "degree": "Bachelor of Science",
              "field_of_study": "Electrical Engineering and Computer Sciences",
              "start_date": "2012-08",
              "end_date": "2016-05",
              "gpa": 3.65,
              "honors": [
                "Magna Cum Laude",
                "Tau Beta Pi"
              ],
              "relevant_coursework": []
            }
          ],
          "work_experience": [
            {
              "company": "Acme Analytics",
              "position": "Senior Software Engineer",
              "start_date": "2020-03",
              "end_date": "Present",
              "location": "San Francisco, CA",
              "responsibilities": [
                "Led a team of five engineers building the reporting platform",
                "Designed the event ingestion pipeline"
              ],
              "achievements": [
                "Cut report latency by 70%"
              ],
              "technologies": [
                "Python",
                "PostgreSQL",
                "Kafka"
              ]
            },
            {
              "company": "Globex",
              "position": "Software Engineer",
              "start_date": "2016-07",
              "end_date": "2020-02",
              "location": null,
              "responsibilities": [
                "Built internal tools for the sales team"
              ],
              "achievements": [],
              "technologies": [
                "C#",
                "SQL Server"
              ]
            },
            {
              "company": "Initech",
              "position": "Intern",
              "start_date": "2015-06",
              "end_date": "2015-08",
              "location": "Austin, TX",
              "responsibilities": [
                "Wrote unit tests"
              ],
              "achievements": [],
              "technologies": []
            }
          ],
          "skills": [
            "Python",
            "C#",
            "TypeScript",
            "PostgreSQL",
            "Distributed systems"
          ],
          "projects": [
            {
              "name": "AutoResumeFiller",
              "description": "Browser extension that fills job applications from a local profile.",
              "start_date": "2024-01",
              "end_date": "Present",
              "url": "https://github.com/josegarcia/autoresumefiller",
              "technologies": [
                "Python",
                "JavaScript"
              ],
              "highlights": [
                "500+ users"
              ]
            },
            {
              "name": "Home weather station",
              "description": "Raspberry Pi sensors with a small dashboard.",
              "start_date": null,
              "end_date": null,
              "url": null,
              "technologies": [],
              "highlights": []
            }
          ],
          "certifications": [
            {
              "name": "AWS Certified Solutions Architect \u2013 Associate",
              "issuer": "Amazon Web Services",
              "date_obtained": "2023-04",
              "expiration_date": "2026-04",
              "credential_id": "AWS-SAA-123456",
              "url": "https://www.credly.com/badges/abc123"
            },
            {
              "name": "Certified Kubernetes Application Developer",
              "issuer": "The Linux Foundation",
              "date_obtained": "2022-11",
              "expiration_date": null,
              "credential_id": null,
              "url": null
            }
          ],
          "last_updated": "2025-11-29T10:00:00.000000"
        }
        """;
}
