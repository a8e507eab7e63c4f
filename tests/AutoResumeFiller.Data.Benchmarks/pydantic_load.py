"""Load of the same profile file the way the Python app did it: read + pydantic v2 parse and validate (Story 2.1 rules).

Usage: python3 pydantic_load.py PROFILE.json
Prints: pydantic_load_us=<best of 7 repeats> pydantic_load_median_us=<median of 7 repeats> pydantic_version=<version>
(each repeat is the mean microseconds per load over timeit's autorange loop)
The e-mail rule is a pattern here (email-validator is not installed), which only makes pydantic faster.
"""
import sys
import timeit
from datetime import datetime
from typing import List, Optional

import pydantic
from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator

YEAR_MONTH = r"^\d{4}-(0[1-9]|1[0-2])$"
END_DATE = r"^(\d{4}-(0[1-9]|1[0-2])|Present)$"


class Model(BaseModel):
    model_config = ConfigDict(extra="allow")


class PersonalInfo(Model):
    first_name: str = Field(min_length=1, max_length=100)
    last_name: str = Field(min_length=1, max_length=100)
    email: str = Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    phone: Optional[str] = Field(default=None, pattern=r"^\+?1?\d{9,15}$")
    linkedin_url: Optional[HttpUrl] = None
    github_url: Optional[HttpUrl] = None
    portfolio_url: Optional[HttpUrl] = None
    address: Optional[str] = Field(default=None, max_length=200)
    city: Optional[str] = Field(default=None, max_length=100)
    state: Optional[str] = Field(default=None, max_length=50)
    zip_code: Optional[str] = Field(default=None, max_length=20)
    country: Optional[str] = Field(default="USA", max_length=100)


class Education(Model):
    institution: str = Field(min_length=1, max_length=200)
    degree: str = Field(min_length=1, max_length=100)
    field_of_study: str = Field(min_length=1, max_length=150)
    start_date: str = Field(pattern=YEAR_MONTH)
    end_date: Optional[str] = Field(default=None, pattern=END_DATE)
    gpa: Optional[float] = Field(default=None, ge=0.0, le=4.0)
    honors: List[str] = []
    relevant_coursework: List[str] = []


class WorkExperience(Model):
    company: str = Field(min_length=1, max_length=200)
    position: str = Field(min_length=1, max_length=150)
    start_date: str = Field(pattern=YEAR_MONTH)
    end_date: Optional[str] = Field(default=None, pattern=END_DATE)
    location: Optional[str] = Field(default=None, max_length=150)
    responsibilities: List[str] = Field(min_length=1)
    achievements: List[str] = []
    technologies: List[str] = []


class Project(Model):
    name: str = Field(min_length=1, max_length=200)
    description: str = Field(min_length=1, max_length=1000)
    start_date: Optional[str] = Field(default=None, pattern=YEAR_MONTH)
    end_date: Optional[str] = Field(default=None, pattern=END_DATE)
    url: Optional[HttpUrl] = None
    technologies: List[str] = []
    highlights: List[str] = []


class Certification(Model):
    name: str = Field(min_length=1, max_length=200)
    issuer: str = Field(min_length=1, max_length=150)
    date_obtained: str = Field(pattern=YEAR_MONTH)
    expiration_date: Optional[str] = Field(default=None, pattern=YEAR_MONTH)
    credential_id: Optional[str] = Field(default=None, max_length=100)
    url: Optional[HttpUrl] = None


class UserProfile(Model):
    version: str = "1.0"
    personal_info: Optional[PersonalInfo] = None
    summary: Optional[str] = Field(default=None, max_length=2000)
    education: List[Education] = []
    work_experience: List[WorkExperience] = []
    skills: List[str] = []
    projects: List[Project] = []
    certifications: List[Certification] = []
    last_updated: datetime

    @field_validator("education", "work_experience", "skills", "projects", "certifications", mode="before")
    @classmethod
    def null_is_empty(cls, value):
        return [] if value is None else value


def load(path):
    with open(path, "rb") as f:
        return UserProfile.model_validate_json(f.read())


def main():
    path = sys.argv[1]
    load(path)
    timer = timeit.Timer(lambda: load(path))
    number, _ = timer.autorange()
    repeats = sorted(t / number for t in timer.repeat(repeat=7, number=number))
    print(f"pydantic_load_us={repeats[0] * 1e6:.1f} pydantic_load_median_us={repeats[3] * 1e6:.1f} pydantic_version={pydantic.VERSION}")


if __name__ == "__main__":
    main()
