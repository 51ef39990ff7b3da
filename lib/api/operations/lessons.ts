import { z } from "zod";
import { NO_CONTENT, created, ok, operation } from "../operation";
import { ZLesson, ZLessonBoard, presentedBy } from "../shapes";
import { ZCreateLessonInput, ZMergeLessonsInput, ZStanceInput, ZUpdateLessonInput } from "@/lib/lessons/schemas";
import { ZLessonSettingsInput } from "@/lib/lessons/update-lesson-settings";

const ZLessonAnswer = z.object({ lesson: ZLesson }).strict();
const ZLessonSettings = presentedBy("getLessonSettings (lib/lessons/get-lesson-settings.ts): { holdStances, isRevealed, thresholds, isDefaultThresholds }");

export const LESSON_OPERATIONS = [
  operation("GET", "/api/workshops/{workshopId}/lessons", {
    tag: "Lessons",
    summary: "The lessons board, in board order",
    description: "Consensus is a phrase's class; counts only where they single nobody out, none while stances are held.",
    access: "Members.",
    success: ok(ZLessonBoard),
  }),
  operation("POST", "/api/workshops/{workshopId}/lessons", {
    tag: "Lessons",
    summary: "Write a lesson",
    access: "Members who may write lessons, while the workshop is open.",
    body: ZCreateLessonInput,
    success: created(ZLessonAnswer),
    errors: ["FORBIDDEN"],
  }),
  operation("GET", "/api/workshops/{workshopId}/lessons/{lessonId}", { tag: "Lessons", summary: "One lesson", access: "Members.", success: ok(ZLessonAnswer) }),
  operation("PATCH", "/api/workshops/{workshopId}/lessons/{lessonId}", {
    tag: "Lessons",
    summary: "Edit your own lesson",
    access: "Its writer.",
    body: ZUpdateLessonInput,
    success: ok(ZLessonAnswer),
    errors: ["FORBIDDEN", "CONFLICT"],
  }),
  operation("DELETE", "/api/workshops/{workshopId}/lessons/{lessonId}", { tag: "Lessons", summary: "Delete your own lesson", access: "Its writer.", success: NO_CONTENT, errors: ["FORBIDDEN"] }),
  operation("PUT", "/api/workshops/{workshopId}/lessons/{lessonId}/stance", {
    tag: "Lessons",
    summary: "Take, change or withdraw your stance",
    description: "stance: ENDORSE, DISPUTE, or null to withdraw it.",
    access: "Members who may take stances.",
    body: ZStanceInput,
    success: ok(ZLessonAnswer),
    errors: ["FORBIDDEN"],
  }),
  operation("PUT", "/api/workshops/{workshopId}/lessons/{lessonId}/hidden", { tag: "Lessons", summary: "Hide a lesson", access: "Organizers.", success: ok(ZLessonAnswer), errors: ["FORBIDDEN"] }),
  operation("DELETE", "/api/workshops/{workshopId}/lessons/{lessonId}/hidden", { tag: "Lessons", summary: "Show a hidden lesson again", access: "Organizers.", success: ok(ZLessonAnswer), errors: ["FORBIDDEN"] }),
  operation("POST", "/api/workshops/{workshopId}/lessons/{lessonId}/merge", {
    tag: "Lessons",
    summary: "Merge a duplicate into this lesson",
    access: "Rapporteurs and organizers.",
    body: ZMergeLessonsInput,
    success: ok(ZLessonAnswer),
    errors: ["FORBIDDEN", "CONFLICT"],
  }),
  operation("POST", "/api/workshops/{workshopId}/lessons/notices/{lessonId}/dismiss", {
    tag: "Lessons",
    summary: "Dismiss your notice that a merge withdrew your stance",
    access: "Members.",
    success: NO_CONTENT,
  }),
  operation("POST", "/api/workshops/{workshopId}/lessons/reveal", { tag: "Lessons", summary: "Reveal the stances held back", access: "Organizers.", success: NO_CONTENT, errors: ["FORBIDDEN"] }),
  operation("GET", "/api/workshops/{workshopId}/lessons/settings", { tag: "Lessons", summary: "The lessons settings", access: "Members.", success: ok(z.object({ settings: ZLessonSettings })) }),
  operation("PATCH", "/api/workshops/{workshopId}/lessons/settings", {
    tag: "Lessons",
    summary: "Change the lessons settings",
    description: "consensusThresholds: null restores the defaults.",
    access: "Organizers.",
    body: ZLessonSettingsInput,
    success: ok(z.object({ settings: ZLessonSettings })),
    errors: ["FORBIDDEN"],
  }),
  operation("GET", "/api/workshops/{workshopId}/lessons/similar", {
    tag: "Lessons",
    summary: "Lessons whose statements resemble a draft",
    access: "Members.",
    query: z.object({ q: z.string().meta({ description: "The draft statement." }), exclude: z.string().optional().meta({ description: "A lesson id to leave out." }) }),
    success: ok(presentedBy("findSimilarLessons (lib/lessons/find-similar-lessons.ts): { lessons: [{ id, statement, consensus, myStance, score }] }")),
  }),
];
