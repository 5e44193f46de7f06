// Uploads "after" photos of a ticket (each file with its own idempotency key) and shows them.

import { useState } from 'preact/hooks';
import { addTicketPhoto, asApiError } from '../api';
import type { ApiError } from '../api';
import { t } from '../i18n';
import type { Photo } from '../../common/types';
import { ErrorMessage, Loading } from './Feedback';
import { PhotoGallery } from './PhotoGallery';

export function PhotoUploader({
  ticketId,
  photos,
  inputId,
  onUploaded,
}: {
  ticketId: string;
  /** The ticket's "after" photos so far. */
  photos: Photo[];
  inputId: string;
  onUploaded: (photo: Photo) => void;
}) {
  const [uploading, setUploading] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);

  async function upload(files: File[]) {
    setError(null);
    for (const file of files) {
      setUploading((n) => n + 1);
      try {
        const photo = await addTicketPhoto(ticketId, file);
        onUploaded(photo);
      } catch (failure) {
        setError(asApiError(failure));
      } finally {
        setUploading((n) => n - 1);
      }
    }
  }

  return (
    <div class="field photo-uploader">
      <label for={inputId}>{t('photos.after_label')}</label>
      <p class="hint" id={`${inputId}-hint`}>
        {t('photos.after_hint')}
      </p>
      <input
        id={inputId}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        multiple
        aria-describedby={`${inputId}-hint`}
        data-testid="after-photo-input"
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = '';
          if (files.length > 0) void upload(files);
        }}
      />
      {uploading > 0 && <Loading label={t('photos.uploading')} />}
      {error && <ErrorMessage error={error} testId="upload-error" />}
      {photos.length > 0 ? (
        <PhotoGallery photos={photos} label={t('photos.after')} testId="after-photos" />
      ) : (
        <p class="muted">{t('photos.after_none')}</p>
      )}
    </div>
  );
}
