DROP TABLE moderation_hides;
