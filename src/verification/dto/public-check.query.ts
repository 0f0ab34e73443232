import { IsEnum, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Platform } from '../../social-accounts/platforms/platform';

export class PublicCheckQuery {
  @IsString({ message: 'url must be a profile link' })
  @IsNotEmpty({ message: 'url must be a profile link, e.g. https://x.com/NHSEngland' })
  @MaxLength(2048)
  url: string;

  @IsOptional()
  @IsEnum(Platform, { message: 'platform is not one of the platforms' })
  platform?: Platform;
}
